"""The site in English and Spanish (README, "Languages")."""
