"""Organisation reviews: discover the accounts, select them, open each with its role, run the tasks anywhere."""
