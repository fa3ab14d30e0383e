"""Edge splits for link prediction.

RandomLinkSplit semantics (PyG >= 2.0):
  train_data.edge_index: train positives only (message passing during training)
  val_data.edge_index:   train positives (message passing when scoring val edges)
  test_data.edge_index:  train + val positives (message passing when scoring test edges)
Supervision edges live in `edge_label_index` / `edge_label`.
"""
import torch_geometric.transforms as T
from torch_geometric.datasets import Coauthor


def load_and_split(root, name, num_val, num_test, device):
    dataset = Coauthor(root, name, transform=T.NormalizeFeatures())
    data = dataset[0]
    splitter = T.RandomLinkSplit(
        num_val=num_val,
        num_test=num_test,
        is_undirected=True,
        add_negative_train_samples=False,
        split_labels=False,
    )
    train_data, val_data, test_data = splitter(data)
    return [d.to(device) for d in (train_data, val_data, test_data)]
