import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence


class GRU4Rec(nn.Module):
    def __init__(self, n_items, emb_dim=64, hidden=100, dropout=0.25):
        super().__init__()
        self.emb = nn.Embedding(n_items, emb_dim, padding_idx=0)
        self.emb_drop = nn.Dropout(dropout)
        self.gru = nn.GRU(emb_dim, hidden, batch_first=True)
        self.out = nn.Linear(hidden, n_items)

    def forward(self, seqs, lengths):
        x = self.emb_drop(self.emb(seqs))
        packed = pack_padded_sequence(x, lengths.cpu(), batch_first=True, enforce_sorted=False)
        _, h = self.gru(packed)
        return self.out(h[-1])
