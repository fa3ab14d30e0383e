"""Dense (padded) molecular graphs for small molecules such as QM9 (<= 29 atoms with H)."""
import numpy as np
import torch
from rdkit import Chem
from torch.utils.data import Dataset

ELEMENTS = ["H", "C", "N", "O", "F"]
MAX_ATOMS = 29
BOND_ORDERS = {1.0: 0, 1.5: 1, 2.0: 2, 3.0: 3}


def encode(smiles):
    mol = Chem.AddHs(Chem.MolFromSmiles(smiles))
    n = mol.GetNumAtoms()
    x = np.zeros((MAX_ATOMS, len(ELEMENTS) + 3), dtype=np.float32)
    adj = np.zeros((len(BOND_ORDERS), MAX_ATOMS, MAX_ATOMS), dtype=np.float32)
    for atom in mol.GetAtoms():
        i = atom.GetIdx()
        x[i, ELEMENTS.index(atom.GetSymbol())] = 1.0
        x[i, -3] = atom.GetIsAromatic()
        x[i, -2] = atom.GetDegree() / 4.0
        x[i, -1] = atom.GetFormalCharge()
    for bond in mol.GetBonds():
        i, j = bond.GetBeginAtomIdx(), bond.GetEndAtomIdx()
        k = BOND_ORDERS[bond.GetBondTypeAsDouble()]
        adj[k, i, j] = adj[k, j, i] = 1.0
    mask = np.zeros(MAX_ATOMS, dtype=np.float32)
    mask[:n] = 1.0
    return x, adj, mask


class DenseMolDataset(Dataset):
    def __init__(self, smiles, targets):
        encoded = [encode(s) for s in smiles]
        self.x = torch.tensor(np.stack([e[0] for e in encoded]))
        self.adj = torch.tensor(np.stack([e[1] for e in encoded]))
        self.mask = torch.tensor(np.stack([e[2] for e in encoded]))
        self.y = torch.tensor(np.asarray(targets, dtype=np.float32)).unsqueeze(-1)

    def __len__(self):
        return len(self.y)

    def __getitem__(self, idx):
        return self.x[idx], self.adj[idx], self.mask[idx], self.y[idx]
