import h5py
import numpy as np
import torch
from torch import nn
from torch.utils.data import Dataset


class ConstituentDataset(Dataset):
    """Top tagging constituents: (pt, eta, phi) per particle, zero-padded to n_constituents."""

    def __init__(self, path, n_const):
        with h5py.File(path, "r") as f:
            four = f["constituents"][:, :n_const, :]        # (N, n, 4): E, px, py, pz
            self.y = f["is_signal_new"][:].astype(np.float32)
        pt = np.hypot(four[..., 1], four[..., 2])
        mask = pt > 0
        eta = np.arcsinh(np.divide(four[..., 3], pt, out=np.zeros_like(pt), where=mask))
        phi = np.arctan2(four[..., 2], four[..., 1])
        jet_pt = pt.sum(1, keepdims=True)
        eta_c = (eta * pt).sum(1, keepdims=True) / jet_pt
        phi_c = (phi * pt).sum(1, keepdims=True) / jet_pt
        feats = np.stack([np.log(pt + 1e-8) - np.log(jet_pt), eta - eta_c, phi - phi_c], axis=-1)
        self.x = np.where(mask[..., None], feats, 0.0).astype(np.float32)
        self.mask = mask

    def __len__(self):
        return len(self.y)

    def __getitem__(self, i):
        return torch.from_numpy(self.x[i]), torch.from_numpy(self.mask[i]), torch.tensor(self.y[i])


def mlp(sizes, dropout=0.0):
    layers = []
    for a, b in zip(sizes[:-1], sizes[1:]):
        layers += [nn.Linear(a, b), nn.ReLU(), nn.Dropout(dropout)]
    return nn.Sequential(*layers)


class DeepSetsTagger(nn.Module):
    def __init__(self, phi, rho, dropout):
        super().__init__()
        self.phi = mlp([3] + phi)
        self.rho = mlp([phi[-1]] + rho, dropout)
        self.out = nn.Linear(rho[-1], 1)

    def forward(self, x, mask):
        h = self.phi(x) * mask.unsqueeze(-1)
        return self.out(self.rho(h.sum(1))).squeeze(-1)
