"""SMILES -> PyG graphs and a deterministic scaffold split."""
from collections import defaultdict

import torch
from rdkit import Chem
from rdkit.Chem.Scaffolds import MurckoScaffold
from torch_geometric.data import Data

ATOM_TYPES = ["C", "N", "O", "S", "F", "Cl", "Br", "I", "P", "other"]
HYBRIDISATION = [
    Chem.rdchem.HybridizationType.SP,
    Chem.rdchem.HybridizationType.SP2,
    Chem.rdchem.HybridizationType.SP3,
]


def one_hot(value, choices):
    vec = [0.0] * len(choices)
    idx = choices.index(value) if value in choices else len(choices) - 1
    vec[idx] = 1.0
    return vec


def atom_features(atom):
    return (
        one_hot(atom.GetSymbol(), ATOM_TYPES)
        + one_hot(atom.GetDegree(), [0, 1, 2, 3, 4, 5])
        + one_hot(atom.GetHybridization(), HYBRIDISATION + ["other"])
        + [float(atom.GetIsAromatic()), float(atom.IsInRing()), atom.GetFormalCharge() / 2.0]
        + [atom.GetTotalNumHs() / 4.0]
    )


def mol_to_graph(smiles, y):
    mol = Chem.MolFromSmiles(smiles)
    if mol is None:
        return None
    x = torch.tensor([atom_features(a) for a in mol.GetAtoms()], dtype=torch.float)
    src, dst = [], []
    for bond in mol.GetBonds():
        i, j = bond.GetBeginAtomIdx(), bond.GetEndAtomIdx()
        src += [i, j]
        dst += [j, i]
    edge_index = torch.tensor([src, dst], dtype=torch.long)
    return Data(x=x, edge_index=edge_index, y=torch.tensor([[y]], dtype=torch.float), smiles=smiles)


def build_dataset(smiles_list, targets):
    graphs = [mol_to_graph(s, t) for s, t in zip(smiles_list, targets)]
    return [g for g in graphs if g is not None]


def scaffold_split(dataset, frac_train=0.8, frac_valid=0.1):
    groups = defaultdict(list)
    for i, g in enumerate(dataset):
        groups[MurckoScaffold.MurckoScaffoldSmiles(smiles=g.smiles)].append(i)
    ordered = sorted(groups.values(), key=len, reverse=True)
    n = len(dataset)
    train, valid, test = [], [], []
    for idx in ordered:
        if len(train) + len(idx) <= frac_train * n:
            train += idx
        elif len(train) + len(valid) + len(idx) <= (frac_train + frac_valid) * n:
            valid += idx
        else:
            test += idx
    return [dataset[i] for i in train], [dataset[i] for i in valid], [dataset[i] for i in test]
