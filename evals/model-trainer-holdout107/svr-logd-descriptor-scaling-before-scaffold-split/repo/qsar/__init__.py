"""Small QSAR helpers shared by the property models."""
