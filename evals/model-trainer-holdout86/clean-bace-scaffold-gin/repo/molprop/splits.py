"""Bemis-Murcko scaffold split (as in Wu et al., MoleculeNet / OGB)."""
from collections import defaultdict

from rdkit import Chem
from rdkit.Chem.Scaffolds import MurckoScaffold


def _scaffold(smiles: str) -> str:
    mol = Chem.MolFromSmiles(smiles)
    return MurckoScaffold.MurckoScaffoldSmiles(mol=mol, includeChirality=False) if mol else smiles


def scaffold_split(smiles_list, frac_train=0.8, frac_valid=0.1):
    groups = defaultdict(list)
    for i, smi in enumerate(smiles_list):
        groups[_scaffold(smi)].append(i)
    scaffold_sets = sorted(groups.values(), key=lambda s: (len(s), s[0]), reverse=True)

    n = len(smiles_list)
    train_cut, valid_cut = frac_train * n, (frac_train + frac_valid) * n
    train, valid, test = [], [], []
    for s in scaffold_sets:
        if len(train) + len(s) <= train_cut:
            train.extend(s)
        elif len(train) + len(valid) + len(s) <= valid_cut:
            valid.extend(s)
        else:
            test.extend(s)
    assert not (set(train) & set(test)) and not (set(valid) & set(test))
    return train, valid, test
