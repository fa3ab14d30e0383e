import torch
import torch.nn as nn


class DKT(nn.Module):
    """Deep Knowledge Tracing (Piech et al., 2015) with an LSTM."""

    def __init__(self, n_skills, emb_dim=100, hidden_dim=200, dropout=0.2):
        super().__init__()
        self.n_skills = n_skills
        self.emb = nn.Embedding(2 * n_skills + 1, emb_dim, padding_idx=0)
        self.lstm = nn.LSTM(emb_dim, hidden_dim, batch_first=True)
        self.drop = nn.Dropout(dropout)
        self.out = nn.Linear(hidden_dim, n_skills)

    def forward(self, x, q):
        h, _ = self.lstm(self.emb(x))
        logits = self.out(self.drop(h))  # (B, T, n_skills)
        # logit for the skill of the next question
        return logits.gather(-1, q.unsqueeze(-1)).squeeze(-1)
