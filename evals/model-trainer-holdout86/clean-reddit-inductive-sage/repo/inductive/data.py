"""Inductive Reddit setup (Hamilton et al., 2017).

Training only ever sees the subgraph induced by training posts: validation/test posts and every
edge touching them are removed. At evaluation time the full graph is available, as it would be
when the model is deployed on new posts.
"""
from torch_geometric.datasets import Reddit
from torch_geometric.loader import NeighborLoader


def build_loaders(cfg):
    dataset = Reddit(cfg["data"]["root"])
    data = dataset[0]
    train_graph = data.subgraph(data.train_mask)

    lcfg = cfg["loader"]
    train_loader = NeighborLoader(
        train_graph, num_neighbors=lcfg["fanout"], batch_size=lcfg["batch_size"],
        shuffle=True, num_workers=lcfg["num_workers"],
    )
    eval_kwargs = dict(num_neighbors=lcfg["fanout"], batch_size=lcfg["eval_batch_size"],
                       shuffle=False, num_workers=lcfg["num_workers"])
    val_loader = NeighborLoader(data, input_nodes=data.val_mask, **eval_kwargs)
    test_loader = NeighborLoader(data, input_nodes=data.test_mask, **eval_kwargs)
    return dataset, data, train_graph, train_loader, val_loader, test_loader
