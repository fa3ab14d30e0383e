import torch.nn as nn


class ArrivalLSTM(nn.Module):
    def __init__(self, n_features, hidden, layers, dropout, horizon):
        super().__init__()
        self.rnn = nn.LSTM(n_features, hidden, layers, batch_first=True, dropout=dropout)
        self.head = nn.Sequential(nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, horizon))

    def forward(self, x):
        _, (h, _) = self.rnn(x)
        return self.head(h[-1])
