import numpy as np
import torch

# the 8 symmetries of the square: identity, rotations and their mirrored versions
DIHEDRAL = [
    lambda x: x,
    lambda x: torch.rot90(x, 1, dims=(2, 3)),
    lambda x: torch.rot90(x, 2, dims=(2, 3)),
    lambda x: torch.rot90(x, 3, dims=(2, 3)),
    lambda x: torch.flip(x, dims=(3,)),
    lambda x: torch.rot90(torch.flip(x, dims=(3,)), 1, dims=(2, 3)),
    lambda x: torch.flip(x, dims=(2,)),
    lambda x: torch.rot90(torch.flip(x, dims=(2,)), 1, dims=(2, 3)),
]


def predict_proba(model, loader, device, n_views: int = 1) -> np.ndarray:
    """Sigmoid probabilities averaged over the first `n_views` dihedral views of each image."""
    model.eval()
    out = []
    with torch.inference_mode():
        for x, _ in loader:
            x = x.to(device, non_blocking=True)
            views = [torch.sigmoid(model(f(x))).squeeze(1) for f in DIHEDRAL[:n_views]]
            out.append(torch.stack(views).mean(0).cpu())
    return torch.cat(out).numpy()
