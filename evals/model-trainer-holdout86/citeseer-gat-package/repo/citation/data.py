import torch_geometric.transforms as T
from torch_geometric.datasets import Planetoid


def load_planetoid(root: str, name: str, device):
    dataset = Planetoid(root=root, name=name, split="public", transform=T.NormalizeFeatures())
    data = dataset[0].to(device)
    return dataset, data
