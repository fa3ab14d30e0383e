import torch
from torch import nn


class LSTMAutoencoder(nn.Module):
    def __init__(self, n_features: int, hidden: int = 64, latent: int = 16):
        super().__init__()
        self.encoder = nn.LSTM(n_features, hidden, batch_first=True)
        self.to_latent = nn.Linear(hidden, latent)
        self.from_latent = nn.Linear(latent, hidden)
        self.decoder = nn.LSTM(hidden, hidden, batch_first=True)
        self.out = nn.Linear(hidden, n_features)

    def forward(self, x):
        _, (h, _) = self.encoder(x)
        z = self.to_latent(h[-1])
        seq = self.from_latent(z).unsqueeze(1).repeat(1, x.size(1), 1)
        dec, _ = self.decoder(seq)
        return self.out(dec)


@torch.no_grad()
def reconstruction_error(model, X, device, batch=2048):
    model.eval()
    errs = []
    for s in range(0, len(X), batch):
        xb = torch.as_tensor(X[s:s + batch], device=device)
        errs.append(((model(xb) - xb) ** 2).mean(dim=(1, 2)).cpu())
    return torch.cat(errs).numpy()
