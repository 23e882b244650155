"""The ``ui.*`` elements, one small module each."""
