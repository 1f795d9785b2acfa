module example.com/fares

go 1.19
