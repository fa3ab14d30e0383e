import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence


class BiLSTMRegressor(nn.Module):
    """Predicts the star rating (1-5, as a float) of a review."""

    def __init__(self, vocab_size, embed_dim=200, hidden=128, layers=2, dropout=0.3):
        super().__init__()
        self.embed = nn.Embedding(vocab_size, embed_dim, padding_idx=0)
        self.lstm = nn.LSTM(embed_dim, hidden, num_layers=layers, batch_first=True,
                            bidirectional=True, dropout=dropout)
        self.head = nn.Sequential(
            nn.Dropout(dropout),
            nn.Linear(2 * hidden, 64),
            nn.ReLU(),
            nn.Linear(64, 1),
        )

    def forward(self, x, lengths):
        packed = pack_padded_sequence(self.embed(x), lengths.cpu(), batch_first=True, enforce_sorted=False)
        _, (h, _) = self.lstm(packed)
        last = torch.cat([h[-2], h[-1]], dim=1)  # top layer, forward + backward
        # squash into the 1..5 star range
        return 1.0 + 4.0 * torch.sigmoid(self.head(last).squeeze(1))
