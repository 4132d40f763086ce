"""Edit forms: one dialog declared as data, the record choices it offers, the forms of each record."""
