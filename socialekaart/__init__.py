"""Sociale kaart en regionale agenda jeugd: the domain package, independent of MkDocs."""
