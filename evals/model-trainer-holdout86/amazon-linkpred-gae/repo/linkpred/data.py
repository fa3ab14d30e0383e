"""Dataset loading and edge splitting for co-purchase link prediction."""
import torch
import torch_geometric.transforms as T
from torch_geometric.datasets import Amazon


def load_graph(root: str, name: str, device: torch.device):
    dataset = Amazon(root=root, name=name, transform=T.NormalizeFeatures())
    graph = dataset[0].to(device)
    return graph


def split_edges(graph, num_val: float, num_test: float):
    """Hold out positive edges for validation and test.

    Returns three Data objects whose `edge_label_index` / `edge_label` hold the
    supervision edges (positives + sampled negatives for val/test).
    """
    splitter = T.RandomLinkSplit(
        num_val=num_val,
        num_test=num_test,
        is_undirected=True,
        add_negative_train_samples=False,
        split_labels=False,
    )
    train_data, val_data, test_data = splitter(graph)
    return train_data, val_data, test_data


def describe(graph, train_data, val_data, test_data):
    return {
        "nodes": graph.num_nodes,
        "edges_total": graph.num_edges,
        "train_pos": int(train_data.edge_label.sum()),
        "val_pos": int(val_data.edge_label.sum()),
        "test_pos": int(test_data.edge_label.sum()),
    }
