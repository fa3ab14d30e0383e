"""Neural cis-genotype -> expression imputation (PrediXcan-style, multi-gene)."""
