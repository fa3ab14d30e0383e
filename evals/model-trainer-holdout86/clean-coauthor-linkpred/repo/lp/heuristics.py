"""Topological baselines scored on the message-passing graph of each split."""
import numpy as np
import torch
from torch_geometric.utils import to_scipy_sparse_matrix


def _adjacency(edge_index, num_nodes):
    adj = to_scipy_sparse_matrix(edge_index.cpu(), num_nodes=num_nodes).tocsr()
    adj.data[:] = 1.0
    return adj


def common_neighbors(edge_index, edge_label_index, num_nodes):
    adj = _adjacency(edge_index, num_nodes)
    src, dst = edge_label_index.cpu().numpy()
    cn = np.asarray(adj[src].multiply(adj[dst]).sum(axis=1)).ravel()
    return torch.from_numpy(cn)


def adamic_adar(edge_index, edge_label_index, num_nodes):
    adj = _adjacency(edge_index, num_nodes)
    deg = np.asarray(adj.sum(axis=0)).ravel()
    inv_log_deg = 1.0 / np.log(np.maximum(deg, 2.0))
    weighted = adj.multiply(inv_log_deg.reshape(1, -1)).tocsr()
    src, dst = edge_label_index.cpu().numpy()
    aa = np.asarray(weighted[src].multiply(adj[dst]).sum(axis=1)).ravel()
    return torch.from_numpy(aa)
