from .prep import Encoder, three_way_split

__all__ = ["Encoder", "three_way_split"]
