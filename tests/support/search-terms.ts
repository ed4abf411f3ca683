// Terms readers type, and the chapter that should come first. Shared by the search test and the
// benchmark, so the bench's expected column is exactly what the test asserts.
export const EXPECTED_FIRST: Record<string, string> = {
	SNI: 'Elastic Load Balancing',
	bastion: 'SSH on AWS',
	'hosted zone': 'Amazon Route 53',
	'read replica': 'Multi-AZ and read replicas',
	'connection pooling': 'Amazon RDS Proxy',
	'target tracking': 'Auto Scaling groups',
	'instance connect': 'EC2 Instance Connect',
	'cache-aside': 'RDS, Aurora and ElastiCache',
	'mount target': 'Amazon EFS',
};
