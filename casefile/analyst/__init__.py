"""Sources, claims, entities, notes, tags and search: the analyst's own records about the evidence.

Other parts read through `casefile.analyst.query`; writes go through the modules here, which use
the store's tracked insert/update/delete so the custody ledger keeps every change.
"""
