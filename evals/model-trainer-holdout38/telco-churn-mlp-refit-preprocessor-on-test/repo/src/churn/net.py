import torch
from torch import nn


class ChurnNet(nn.Module):
    def __init__(self, d_in, hidden=(64, 32), dropout=0.2):
        super().__init__()
        layers, prev = [], d_in
        for h in hidden:
            layers += [nn.Linear(prev, h), nn.ReLU(), nn.Dropout(dropout)]
            prev = h
        layers.append(nn.Linear(prev, 1))
        self.mlp = nn.Sequential(*layers)

    def forward(self, x):
        return self.mlp(x).squeeze(-1)


@torch.no_grad()
def predict_proba(model, x, batch=4096):
    model.eval()
    out = [torch.sigmoid(model(torch.from_numpy(x[i:i + batch]))) for i in range(0, len(x), batch)]
    return torch.cat(out).numpy()
