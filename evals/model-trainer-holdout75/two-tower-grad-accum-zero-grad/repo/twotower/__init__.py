from .data import InteractionDataset, load_interactions, temporal_split
from .model import TwoTower
from .metrics import recall_ndcg_at_k
