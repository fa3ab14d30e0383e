from .cache import EmbeddingCache
from .select import sweep_knn

__all__ = ["EmbeddingCache", "sweep_knn"]
