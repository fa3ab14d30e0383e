from collections import defaultdict

import numpy as np
from rdkit.Chem.Scaffolds import MurckoScaffold


def scaffold_split(mols, frac_train=0.8, frac_valid=0.1):
    """Bemis-Murcko scaffold split (deterministic, largest scaffold sets first).

    Molecules sharing a scaffold always end up in the same partition.
    """
    scaffolds = defaultdict(list)
    for i, mol in enumerate(mols):
        scaffolds[MurckoScaffold.MurckoScaffoldSmiles(mol=mol, includeChirality=False)].append(i)
    groups = sorted(scaffolds.values(), key=lambda g: (len(g), g[0]), reverse=True)

    n = len(mols)
    train, valid, test = [], [], []
    for g in groups:
        if len(train) + len(g) <= frac_train * n:
            train.extend(g)
        elif len(train) + len(valid) + len(g) <= (frac_train + frac_valid) * n:
            valid.extend(g)
        else:
            test.extend(g)
    return np.array(train), np.array(valid), np.array(test)
