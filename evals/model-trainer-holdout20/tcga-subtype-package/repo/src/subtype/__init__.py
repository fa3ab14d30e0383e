"""PAM50 subtype classification from RNA-seq expression."""
