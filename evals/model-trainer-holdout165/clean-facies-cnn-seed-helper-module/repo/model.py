from torch import nn


def conv_block(c_in, c_out, k):
    return nn.Sequential(nn.Conv1d(c_in, c_out, k, padding=k // 2), nn.BatchNorm1d(c_out), nn.GELU())


class LithoCNN(nn.Module):
    def __init__(self, n_logs, n_classes, width=64, dropout=0.2):
        super().__init__()
        self.body = nn.Sequential(conv_block(n_logs, width, 7), conv_block(width, width, 5),
                                  conv_block(width, width, 3))
        self.head = nn.Sequential(nn.Dropout(dropout), nn.Linear(width, n_classes))

    def forward(self, x):
        h = self.body(x)
        return self.head(h[:, :, h.shape[-1] // 2])   # features at the centre depth
