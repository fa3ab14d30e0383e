import torch
from torch import nn


class GRUClassifier(nn.Module):
    def __init__(self, n_in, hidden=128, layers=2, dropout=0.25):
        super().__init__()
        self.gru = nn.GRU(n_in, hidden, num_layers=layers, batch_first=True, dropout=dropout)
        self.drop = nn.Dropout(dropout)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x):
        _, h_n = self.gru(x)
        return self.out(self.drop(h_n[-1])).squeeze(-1)


@torch.inference_mode()
def predict_proba(model, loader, device):
    model.eval()
    probs = [torch.sigmoid(model(xb.to(device))).cpu() for xb, _ in loader]
    return torch.cat(probs).numpy()
