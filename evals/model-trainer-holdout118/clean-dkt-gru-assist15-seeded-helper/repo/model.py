import torch
import torch.nn as nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence


class GRUDKT(nn.Module):
    def __init__(self, n_skills, hidden=128, layers=1, dropout=0.3):
        super().__init__()
        self.n_skills = n_skills
        self.inp = nn.Embedding(2 * n_skills + 1, hidden, padding_idx=0)
        self.gru = nn.GRU(hidden, hidden, num_layers=layers, batch_first=True)
        self.drop = nn.Dropout(dropout)
        self.head = nn.Linear(hidden, n_skills)

    def forward(self, inter, lengths, next_skill):
        emb = self.drop(self.inp(inter))
        packed = pack_padded_sequence(emb, lengths.cpu(), batch_first=True, enforce_sorted=False)
        out, _ = self.gru(packed)
        out, _ = pad_packed_sequence(out, batch_first=True, total_length=inter.size(1))
        logits = self.head(self.drop(out))
        return logits.gather(2, next_skill.unsqueeze(2)).squeeze(2)
