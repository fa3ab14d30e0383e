import random
from collections import defaultdict

from rdkit import Chem
from rdkit.Chem.Scaffolds import MurckoScaffold


def murcko(smiles):
    return MurckoScaffold.MurckoScaffoldSmiles(mol=Chem.MolFromSmiles(smiles), includeChirality=False)


def randomized_scaffold_split(smiles, frac_valid, frac_test, seed):
    """Scaffold sets assigned to splits in a seeded random order (no scaffold shared across splits)."""
    sets = defaultdict(list)
    for i, s in enumerate(smiles):
        sets[murcko(s)].append(i)
    groups = sorted(sets.values(), key=lambda g: g[0])
    random.Random(seed).shuffle(groups)
    n = len(smiles)
    n_test, n_valid = int(frac_test * n), int(frac_valid * n)
    test, valid, train = [], [], []
    for g in groups:
        if len(test) + len(g) <= n_test:
            test += g
        elif len(valid) + len(g) <= n_valid:
            valid += g
        else:
            train += g
    return train, valid, test
