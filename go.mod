module github.com/wallwatch/wallwatch

go 1.26.8
