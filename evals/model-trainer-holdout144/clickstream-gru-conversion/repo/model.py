import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence


class SessionGRU(nn.Module):
    """Embeds the sequence of page-type ids in a session and predicts P(purchase)."""

    def __init__(self, n_page_types, n_event_types, emb_dim=32, hidden=128, dropout=0.3):
        super().__init__()
        self.page_emb = nn.Embedding(n_page_types, emb_dim, padding_idx=0)
        self.event_emb = nn.Embedding(n_event_types, 8, padding_idx=0)
        self.gru = nn.GRU(emb_dim + 8 + 1, hidden, batch_first=True, num_layers=2, dropout=dropout)
        self.head = nn.Sequential(
            nn.Dropout(dropout),
            nn.Linear(hidden, 64),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(64, 1),
        )

    def forward(self, pages, events, dwell, lengths):
        x = torch.cat([self.page_emb(pages), self.event_emb(events), dwell.unsqueeze(-1)], dim=-1)
        packed = pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=False)
        _, h = self.gru(packed)
        return self.head(h[-1]).squeeze(-1)
