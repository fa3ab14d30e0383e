import torch
import torch.nn as nn


class CRNN(nn.Module):
    def __init__(self, n_mels=40, hidden=64):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv1d(n_mels, hidden, 5, padding=2), nn.BatchNorm1d(hidden), nn.ReLU(),
            nn.Conv1d(hidden, hidden, 5, padding=2, stride=2), nn.BatchNorm1d(hidden), nn.ReLU(),
        )
        self.gru = nn.GRU(hidden, hidden, batch_first=True, bidirectional=False)
        self.out = nn.Linear(hidden, 1)

    def forward(self, x):  # x: (B, T, n_mels)
        h = self.conv(x.transpose(1, 2)).transpose(1, 2)
        _, last = self.gru(h)
        return self.out(last[-1]).squeeze(-1)


@torch.no_grad()
def score(model, loader, device):
    model.eval()
    scores, labels = [], []
    for x, y in loader:
        scores.append(torch.sigmoid(model(x.to(device))).cpu())
        labels.append(y)
    return torch.cat(scores).numpy(), torch.cat(labels).numpy()
