"""MoleculeNet loading and Bemis-Murcko scaffold split."""
from collections import defaultdict

import torch
from rdkit.Chem.Scaffolds import MurckoScaffold
from torch_geometric.datasets import MoleculeNet


def murcko_scaffold(smiles):
    return MurckoScaffold.MurckoScaffoldSmiles(smiles=smiles, includeChirality=False)


def scaffold_split(dataset, frac_train=0.8, frac_valid=0.1):
    """Deterministic scaffold split: largest scaffold groups go to train first."""
    groups = defaultdict(list)
    for i, data in enumerate(dataset):
        groups[murcko_scaffold(data.smiles)].append(i)
    scaffold_sets = sorted(groups.values(), key=lambda s: (len(s), s[0]), reverse=True)

    n = len(dataset)
    train_cut, valid_cut = frac_train * n, (frac_train + frac_valid) * n
    train_idx, valid_idx, test_idx = [], [], []
    for s in scaffold_sets:
        if len(train_idx) + len(s) > train_cut:
            if len(train_idx) + len(valid_idx) + len(s) > valid_cut:
                test_idx.extend(s)
            else:
                valid_idx.extend(s)
        else:
            train_idx.extend(s)
    return torch.tensor(train_idx), torch.tensor(valid_idx), torch.tensor(test_idx)


def load_dataset(root, name):
    dataset = MoleculeNet(root, name)
    dataset.data.x = dataset.data.x.long()
    dataset.data.y = dataset.data.y.float()
    return dataset
