import torch
import torch.nn as nn


class ConvSubsample(nn.Module):
    def __init__(self, n_mels, d_model):
        super().__init__()
        self.conv = nn.Sequential(
            nn.Conv2d(1, d_model, 3, stride=2), nn.ReLU(),
            nn.Conv2d(d_model, d_model, 3, stride=2), nn.ReLU(),
        )
        self.proj = nn.Linear(d_model * (((n_mels - 1) // 2 - 1) // 2), d_model)

    def forward(self, x, lengths):
        x = self.conv(x.unsqueeze(1))
        b, c, t, f = x.shape
        lengths = ((lengths - 1) // 2 - 1) // 2
        return self.proj(x.transpose(1, 2).reshape(b, t, c * f)), lengths


class TransformerCTC(nn.Module):
    def __init__(self, vocab_size, n_mels=80, d_model=256, n_heads=4, n_layers=8, dropout=0.1):
        super().__init__()
        self.subsample = ConvSubsample(n_mels, d_model)
        layer = nn.TransformerEncoderLayer(d_model, n_heads, 4 * d_model, dropout, batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(layer, n_layers)
        self.head = nn.Linear(d_model, vocab_size + 1)

    def forward(self, feats, lengths):
        x, lengths = self.subsample(feats, lengths)
        mask = torch.arange(x.shape[1], device=x.device)[None, :] >= lengths[:, None]
        x = self.encoder(x, src_key_padding_mask=mask)
        return self.head(x).log_softmax(-1), lengths
