"""Deterministic Bemis-Murcko scaffold split (largest scaffold sets go to train)."""
from collections import defaultdict

from rdkit import Chem
from rdkit.Chem.Scaffolds import MurckoScaffold


def scaffold_of(smiles: str) -> str:
    mol = Chem.MolFromSmiles(smiles)
    return MurckoScaffold.MurckoScaffoldSmiles(mol=mol, includeChirality=False)


def scaffold_split(smiles_list, frac_valid=0.1, frac_test=0.1):
    groups = defaultdict(list)
    for i, smi in enumerate(smiles_list):
        groups[scaffold_of(smi)].append(i)
    scaffold_sets = sorted(groups.values(), key=lambda s: (len(s), s[0]), reverse=True)

    n = len(smiles_list)
    train_cut, valid_cut = (1 - frac_valid - frac_test) * n, (1 - frac_test) * n
    train, valid, test = [], [], []
    for s in scaffold_sets:
        if len(train) + len(s) <= train_cut:
            train += s
        elif len(train) + len(valid) + len(s) <= valid_cut:
            valid += s
        else:
            test += s
    return train, valid, test
