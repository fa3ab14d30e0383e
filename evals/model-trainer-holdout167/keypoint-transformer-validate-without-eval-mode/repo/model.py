import torch
import torch.nn as nn


class KeypointTransformer(nn.Module):
    def __init__(self, in_dim, num_classes, d_model=192, depth=4, heads=6, num_frames=48, dropout=0.2):
        super().__init__()
        self.proj = nn.Sequential(nn.Linear(in_dim, d_model), nn.LayerNorm(d_model), nn.GELU())
        self.cls = nn.Parameter(torch.zeros(1, 1, d_model))
        self.pos = nn.Parameter(torch.zeros(1, num_frames + 1, d_model))
        layer = nn.TransformerEncoderLayer(d_model, heads, dim_feedforward=4 * d_model,
                                           dropout=dropout, batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(layer, depth)
        self.head = nn.Sequential(nn.LayerNorm(d_model), nn.Dropout(0.4), nn.Linear(d_model, num_classes))
        nn.init.trunc_normal_(self.pos, std=0.02)

    def forward(self, x, frame_mask=None):
        b = x.shape[0]
        h = self.proj(x)
        h = torch.cat([self.cls.expand(b, -1, -1), h], dim=1) + self.pos
        pad = None
        if frame_mask is not None:
            pad = torch.cat([torch.zeros(b, 1, dtype=torch.bool, device=x.device), ~frame_mask], dim=1)
        h = self.encoder(h, src_key_padding_mask=pad)
        return self.head(h[:, 0])
