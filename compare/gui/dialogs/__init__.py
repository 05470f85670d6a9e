"""Dialogs: notes, paste, about and shortcuts; hand linking; the list of archived stories."""
