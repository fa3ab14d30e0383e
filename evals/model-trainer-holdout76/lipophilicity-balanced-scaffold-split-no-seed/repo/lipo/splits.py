"""Balanced scaffold split (as in chemprop): big scaffold sets go to train, the rest are shuffled."""
import random
from collections import defaultdict

from rdkit import Chem
from rdkit.Chem.Scaffolds import MurckoScaffold


def generic_scaffold(smiles):
    mol = Chem.MolFromSmiles(smiles)
    return MurckoScaffold.MurckoScaffoldSmiles(mol=mol, includeChirality=False)


def balanced_scaffold_split(smiles, sizes=(0.8, 0.1, 0.1)):
    n = len(smiles)
    train_size, val_size = int(sizes[0] * n), int(sizes[1] * n)
    test_size = n - train_size - val_size

    scaffolds = defaultdict(list)
    for i, smi in enumerate(smiles):
        scaffolds[generic_scaffold(smi)].append(i)
    index_sets = list(scaffolds.values())

    big = [s for s in index_sets if len(s) > val_size / 2 or len(s) > test_size / 2]
    small = [s for s in index_sets if s not in big]
    random.shuffle(big)
    random.shuffle(small)

    train, val, test = [], [], []
    for s in big + small:
        if len(train) + len(s) <= train_size:
            train += s
        elif len(val) + len(s) <= val_size:
            val += s
        else:
            test += s
    return train, val, test
