import torch
import torch.nn as nn


class FusionHead(nn.Module):
    """Late fusion of CLIP image and text embeddings: [i, t, i*t, |i-t|] -> MLP -> logit."""

    def __init__(self, dim: int, hidden: int, dropout: float):
        super().__init__()
        self.mlp = nn.Sequential(
            nn.Dropout(dropout / 2),
            nn.Linear(4 * dim, hidden),
            nn.GELU(),
            nn.Dropout(dropout),
            nn.Linear(hidden, 1),
        )

    def forward(self, img: torch.Tensor, txt: torch.Tensor) -> torch.Tensor:
        fused = torch.cat([img, txt, img * txt, (img - txt).abs()], dim=-1)
        return self.mlp(fused).squeeze(-1)
