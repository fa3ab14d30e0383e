from .graph import build_link_graph
from .features import neighbour_label_features, structural_features

__all__ = ["build_link_graph", "structural_features", "neighbour_label_features"]
