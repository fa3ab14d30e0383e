from .features import log_cpm, select_top_genes
from .io import load_expression

__all__ = ["load_expression", "log_cpm", "select_top_genes"]
