import torch
from torch import nn


class TransferAutoencoder(nn.Module):
    def __init__(self, n_features, hidden=(64, 32), latent=8, dropout=0.1):
        super().__init__()
        dims = [n_features, *hidden]
        enc = []
        for a, b in zip(dims[:-1], dims[1:]):
            enc += [nn.Linear(a, b), nn.ReLU(), nn.Dropout(dropout)]
        enc.append(nn.Linear(dims[-1], latent))
        dec = []
        rdims = [latent, *reversed(hidden)]
        for a, b in zip(rdims[:-1], rdims[1:]):
            dec += [nn.Linear(a, b), nn.ReLU()]
        dec.append(nn.Linear(rdims[-1], n_features))
        self.encoder = nn.Sequential(*enc)
        self.decoder = nn.Sequential(*dec)

    def forward(self, x):
        return self.decoder(self.encoder(x))


@torch.no_grad()
def reconstruction_error(model, x: torch.Tensor, batch_size: int = 8192) -> torch.Tensor:
    model.eval()
    errs = []
    for i in range(0, len(x), batch_size):
        xb = x[i:i + batch_size]
        errs.append(((model(xb) - xb) ** 2).mean(dim=1))
    return torch.cat(errs)
