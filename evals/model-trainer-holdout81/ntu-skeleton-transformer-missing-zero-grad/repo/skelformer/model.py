import torch
import torch.nn as nn


class SkeletonTransformer(nn.Module):
    """Joint embedding per frame followed by a temporal transformer encoder."""

    def __init__(self, num_classes, num_joints=25, num_persons=2, max_frames=64,
                 d_model=192, depth=6, heads=6, dropout=0.1):
        super().__init__()
        in_dim = num_persons * num_joints * 3
        self.embed = nn.Sequential(nn.Linear(in_dim, d_model), nn.LayerNorm(d_model), nn.GELU())
        self.cls_token = nn.Parameter(torch.zeros(1, 1, d_model))
        self.pos = nn.Parameter(torch.zeros(1, max_frames + 1, d_model))
        layer = nn.TransformerEncoderLayer(d_model, heads, 4 * d_model, dropout,
                                           activation="gelu", batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(layer, depth)
        self.head = nn.Sequential(nn.LayerNorm(d_model), nn.Dropout(dropout), nn.Linear(d_model, num_classes))
        nn.init.trunc_normal_(self.pos, std=0.02)
        nn.init.trunc_normal_(self.cls_token, std=0.02)

    def forward(self, x):
        b, t = x.shape[:2]
        x = self.embed(x.reshape(b, t, -1))
        x = torch.cat([self.cls_token.expand(b, -1, -1), x], dim=1) + self.pos[:, : t + 1]
        return self.head(self.encoder(x)[:, 0])
