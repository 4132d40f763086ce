"""Casefile: an offline evidence workbench for open-source investigators."""

__version__ = "0.1.0"
APP_ID = "org.casefile.Casefile"
