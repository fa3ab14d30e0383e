from torch import nn


class LeakLSTM(nn.Module):
    def __init__(self, n_sensors: int, hidden: int = 64):
        super().__init__()
        self.lstm = nn.LSTM(n_sensors, hidden, num_layers=2, batch_first=True, dropout=0.2)
        self.head = nn.Sequential(nn.Linear(hidden, 32), nn.ReLU(), nn.Linear(32, 1))

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.head(out[:, -1]).squeeze(-1)
