from .text import clean_text
