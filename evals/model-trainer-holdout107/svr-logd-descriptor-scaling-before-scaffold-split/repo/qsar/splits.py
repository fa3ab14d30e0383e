"""Deterministic Bemis-Murcko scaffold split (largest scaffold sets go to train)."""
from collections import defaultdict

from rdkit.Chem.Scaffolds import MurckoScaffold


def murcko_scaffold(smiles: str, include_chirality: bool = False) -> str:
    return MurckoScaffold.MurckoScaffoldSmiles(smiles=smiles, includeChirality=include_chirality)


def scaffold_split(smiles_list, frac_train=0.8, frac_valid=0.1):
    scaffolds = defaultdict(list)
    for i, smi in enumerate(smiles_list):
        scaffolds[murcko_scaffold(smi)].append(i)

    scaffold_sets = sorted(scaffolds.values(), key=lambda s: (len(s), s[0]), reverse=True)
    n = len(smiles_list)
    train_cut = frac_train * n
    valid_cut = (frac_train + frac_valid) * n

    train_idx, valid_idx, test_idx = [], [], []
    for group in scaffold_sets:
        if len(train_idx) + len(group) > train_cut:
            if len(train_idx) + len(valid_idx) + len(group) > valid_cut:
                test_idx.extend(group)
            else:
                valid_idx.extend(group)
        else:
            train_idx.extend(group)
    return train_idx, valid_idx, test_idx
