import torch
import torch.nn as nn


class TeamSkillModel(nn.Module):
    """Bradley-Terry style model: team strength = sum of learned player skill vectors
    projected to a scalar, plus a small context term (map, side, party sizes)."""

    def __init__(self, n_players, n_maps, emb_dim=16, ctx_hidden=32, dropout=0.2):
        super().__init__()
        # index 0 = unknown / new player
        self.player_emb = nn.Embedding(n_players + 1, emb_dim, padding_idx=0)
        self.skill_proj = nn.Linear(emb_dim, 1, bias=False)
        self.map_emb = nn.Embedding(n_maps, 4)
        self.context = nn.Sequential(
            nn.Linear(4 + 3, ctx_hidden),
            nn.ReLU(),
            nn.Dropout(dropout),
            nn.Linear(ctx_hidden, 1),
        )

    def team_strength(self, player_idx):
        # player_idx: (batch, 5)
        return self.skill_proj(self.player_emb(player_idx)).squeeze(-1).sum(dim=1)

    def forward(self, team_a, team_b, map_idx, ctx):
        diff = self.team_strength(team_a) - self.team_strength(team_b)
        bias = self.context(torch.cat([self.map_emb(map_idx), ctx], dim=1)).squeeze(1)
        return diff + bias
