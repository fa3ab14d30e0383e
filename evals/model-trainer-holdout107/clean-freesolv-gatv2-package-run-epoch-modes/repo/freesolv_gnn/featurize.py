"""Graphs from SMILES via PyG's categorical atom/bond featuriser."""
import random
from collections import defaultdict

import torch
from rdkit.Chem.Scaffolds import MurckoScaffold
from torch_geometric.utils import from_smiles
from torch_geometric.utils.smiles import e_map, x_map

ATOM_CARDINALITIES = [len(v) for v in x_map.values()]
BOND_CARDINALITIES = [len(v) for v in e_map.values()]


def smiles_to_graphs(smiles, targets):
    graphs = []
    for smi, t in zip(smiles, targets):
        g = from_smiles(smi)
        g.y = torch.tensor([[float(t)]])
        graphs.append(g)
    return graphs


def balanced_scaffold_split(graphs, frac_valid, frac_test, seed):
    """Scaffold sets are shuffled (big sets first) so valid/test get a mix of scaffold sizes."""
    by_scaffold = defaultdict(list)
    for i, g in enumerate(graphs):
        by_scaffold[MurckoScaffold.MurckoScaffoldSmiles(smiles=g.smiles)].append(i)
    n = len(graphs)
    n_valid, n_test = int(frac_valid * n), int(frac_test * n)
    big = [s for s in by_scaffold.values() if len(s) > n_valid / 2]
    small = [s for s in by_scaffold.values() if len(s) <= n_valid / 2]
    rng = random.Random(seed)
    rng.shuffle(big)
    rng.shuffle(small)
    train, valid, test = [], [], []
    for idx in big + small:
        if len(valid) + len(idx) <= n_valid:
            valid += idx
        elif len(test) + len(idx) <= n_test:
            test += idx
        else:
            train += idx
    pick = lambda ids: [graphs[i] for i in ids]
    return pick(train), pick(valid), pick(test)
